export interface Customer {
  id: string;
  name: string;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  tier: string | null;
  status: "active" | "churned";
  ownerName: string | null;
}

export interface NewCustomer {
  name: string;
  email?: string | null;
  phone?: string | null;
  externalId?: string | null;
}

/** How a typed reference resolved: one customer, a new one to create, or a choice for the person. */
export type CustomerMatch =
  | { status: "found"; customer: Customer }
  | { status: "new"; customer: NewCustomer }
  | { status: "ambiguous"; candidates: Customer[] }
  | { status: "close"; candidates: Customer[]; typed: NewCustomer };
