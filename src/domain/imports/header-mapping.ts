// Which column holds what: proposed from the header's names, in the languages Rapport speaks and as
// common CRM exports name them (HubSpot, Salesforce, Zendesk, Pipedrive), then shown to be confirmed.
// (A team column is not read: a customer belongs to its owner's team, set with /rapport role.)

export const IMPORT_FIELDS = [
  "name",
  "firstName",
  "lastName",
  "email",
  "phone",
  "externalId",
  "owner",
  "tier",
  "tags",
  "optedOut",
  "lastContact",
  "notes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column index for each field found (a field appears once; the first column named for it wins). */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** Header names, as compared: lower case, accents removed, punctuation as spaces. */
const HEADER_WORDS: Record<ImportField, string[]> = {
  name: [
    "name",
    "customer",
    "customer name",
    "client",
    "client name",
    "full name",
    "company",
    "company name",
    "account name",
    "organization",
    "organisation",
    "contact name",
    "nome",
    "cliente",
    "nome do cliente",
    "nome completo",
    "empresa",
    "nimi",
    "asiakas",
    "asiakkaan nimi",
    "yritys",
    "vards",
    "klients",
    "klienta vards",
    "uznemums",
    "नाम",
    "ग्राहक",
    "ग्राहक का नाम",
    "कंपनी",
    "பெயர்",
    "வாடிக்கையாளர்",
    "வாடிக்கையாளர் பெயர்",
    "நிறுவனம்",
  ],
  firstName: ["first name", "firstname", "given name", "primeiro nome", "etunimi", "vards", "पहला नाम", "முதல் பெயர்"],
  lastName: [
    "last name",
    "lastname",
    "surname",
    "family name",
    "sobrenome",
    "apelido",
    "sukunimi",
    "uzvards",
    "उपनाम",
    "குடும்பப் பெயர்",
  ],
  email: ["email", "e mail", "email address", "mail", "correio eletronico", "sahkoposti", "e pasts", "ईमेल", "மின்னஞ்சல்"],
  phone: [
    "phone",
    "phone number",
    "telephone",
    "mobile",
    "mobile phone",
    "mobile phone number",
    "tel",
    "telefone",
    "celular",
    "telemovel",
    "puhelin",
    "puhelinnumero",
    "matkapuhelin",
    "talrunis",
    "telefons",
    "फोन",
    "फ़ोन",
    "मोबाइल",
    "தொலைபேசி",
    "கைபேசி",
  ],
  externalId: [
    "id",
    "external id",
    "customer id",
    "client id",
    "account id",
    "record id",
    "contact id",
    "crm id",
    "customer number",
    "account number",
    "codigo",
    "id do cliente",
    "numero do cliente",
    "asiakasnumero",
    "asiakastunnus",
    "klienta numurs",
    "klienta id",
    "ग्राहक आईडी",
    "வாடிக்கையாளர் எண்",
  ],
  owner: [
    "owner",
    "account owner",
    "contact owner",
    "customer owner",
    "owner email",
    "assigned to",
    "agent",
    "responsavel",
    "gestor de conta",
    "dono",
    "vastuuhenkilo",
    "omistaja",
    "atbildigais",
    "ipasnieks",
    "मालिक",
    "जिम्मेदार",
    "ज़िम्मेदार",
    "பொறுப்பாளர்",
  ],
  tier: ["tier", "segment", "level", "plan", "nivel", "segmento", "taso", "luokka", "limenis", "स्तर", "நிலை"],
  tags: ["tags", "tag", "labels", "etiquetas", "tunnisteet", "birkas", "टैग", "குறிச்சொற்கள்"],
  optedOut: [
    "opted out",
    "opt out",
    "unsubscribed",
    "do not contact",
    "no marketing",
    "email opt out",
    "descadastrado",
    "nao contatar",
    "kielto",
    "ei markkinointia",
    "atteicies",
    "सदस्यता रद्द",
    "விலகியவர்",
  ],
  lastContact: [
    "last contact",
    "last contact date",
    "last contacted",
    "last activity",
    "last activity date",
    "last interaction",
    "ultimo contato",
    "ultimo contacto",
    "viimeisin yhteydenotto",
    "viimeksi yhteydessa",
    "pedeja sazina",
    "अंतिम संपर्क",
    "கடைசி தொடர்பு",
  ],
  notes: [
    "notes",
    "note",
    "description",
    "comments",
    "observacoes",
    "notas",
    "muistiinpanot",
    "piezimes",
    "टिप्पणी",
    "குறிப்புகள்",
  ],
};

/** A header cell as compared. */
export function headerKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim();
}

const LOOKUP = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const word of HEADER_WORDS[field]) LOOKUP.set(headerKey(word), field);

/** The mapping the header suggests: each column named after a field (first one wins). */
export function proposeMapping(header: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  header.forEach((cell, index) => {
    const field = LOOKUP.get(headerKey(cell));
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  // "Vārds" is a name in Latvian and a first name beside "Uzvārds": with a last name, it is the first.
  if (mapping.name !== undefined && mapping.lastName !== undefined && mapping.firstName === undefined) {
    mapping.firstName = mapping.name;
    delete mapping.name;
  }
  return mapping;
}

/** A mapping given as `{ "name": "Company", "owner": "Account Owner" }` (header names or column numbers). */
export function mappingFrom(given: Record<string, string | number>, header: string[]): ColumnMapping | string {
  const mapping: ColumnMapping = {};
  for (const [field, column] of Object.entries(given)) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) return field;
    const index =
      typeof column === "number" ? column - 1 : header.findIndex((h) => headerKey(h) === headerKey(String(column)));
    if (index < 0 || index >= header.length) return String(column);
    mapping[field as ImportField] = index;
  }
  return mapping;
}
