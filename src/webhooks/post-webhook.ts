/** One webhook delivery over HTTP: the receiver's status, or a rejection when it cannot be reached in 10 s. */
export async function postWebhook(url: string, body: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers,
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  // The receiver's answer is not read beyond its status.
  await response.body?.cancel().catch(() => {});
  return response.status;
}
