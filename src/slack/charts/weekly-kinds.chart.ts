// The digest's chart: eight weeks of interactions, stacked by kind, as a PNG.
// Drawn by Chart.js on @napi-rs/canvas (no browser, no native build at install).
// The image carries numbers and dates only; the legend, in the reader's
// language, is in the message beside it, matched by colour.
import { createCanvas } from "@napi-rs/canvas";
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from "chart.js";
import { KINDS, type Kind } from "../../domain/interactions/vocabulary.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

/** Each kind's colour, and the emoji square that names it in the legend. */
export const KIND_COLOURS: Record<Kind, { hex: string; square: string }> = {
  question: { hex: "#3b6fd1", square: "🟦" },
  order: { hex: "#2e9e4f", square: "🟩" },
  complaint: { hex: "#d13b3b", square: "🟥" },
  feedback: { hex: "#e0a800", square: "🟨" },
  other: { hex: "#8e5bb5", square: "🟪" },
};

export interface ChartWeek {
  /** Monday, YYYY-MM-DD. */
  monday: string;
  counts: Partial<Record<Kind, number>>;
}

export async function renderWeeklyKindsChart(weeks: ChartWeek[]): Promise<Buffer> {
  const canvas = createCanvas(800, 360);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, 800, 360);
  const chart = new Chart(context as unknown as ConstructorParameters<typeof Chart>[0], {
    type: "bar",
    data: {
      labels: weeks.map((w) => w.monday.slice(5)),
      datasets: KINDS.map((kind) => ({
        label: kind,
        data: weeks.map((w) => w.counts[kind] ?? 0),
        backgroundColor: KIND_COLOURS[kind].hex,
      })),
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  });
  try {
    return Buffer.from(await canvas.encode("png"));
  } finally {
    chart.destroy();
  }
}
