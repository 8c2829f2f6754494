/** Where an agency sits in the province: the province itself, its departments and districts, their communes. */
export const AGENCY_KINDS = ['province', 'department', 'district', 'commune', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** A person to call about an incident (đầu mối ứng cứu sự cố). */
export interface Contact {
  name: string;
  position?: string;
  phone?: string;
  email?: string;
}

/**
 * Layer 1 of the four-layer model (CV 1552/BTTTT-CATTT): the designated on-site specialized security unit
 * (đơn vị chuyên trách ATTT), the decision designating it, and its focal persons.
 */
export interface SecurityUnit {
  name: string;
  decisionRef?: string;
  contacts: Contact[];
}

export interface AgencyRecord {
  id: string;
  name: string;
  kind: AgencyKind;
  parentId: string | null;
  irContacts: Contact[];
  securityUnit: SecurityUnit | null;
  createdAt: string;
  updatedAt: string;
}

/** What may be set on an agency; `undefined` leaves a field unchanged. */
export interface AgencyChanges {
  name?: string;
  kind?: AgencyKind;
  parentId?: string | null;
  irContacts?: Contact[];
  securityUnit?: SecurityUnit | null;
}
