/**
 * The register of foreign NGOs of a period, as the register's workbook (`ngo.export`) and the statutory report's sheet
 * "Tổ chức PCPNN" give it.
 */
import type { CertificateKind, CertificateStatus } from './ngo';

export interface RegisterCertificate {
  id: string;
  kind: CertificateKind;
  number: string;
  issuedBy: string;
  issuedOn: string;
  validUntil: string;
  status: CertificateStatus;
  decisionDate: string | null;
  /** Catalogue codes as written. */
  provinces: string[];
  fields: string[];
}

export interface RegisterRow {
  donorId: string;
  name: string;
  country: string | null;
  /** The certificate in force at the period's end, else the latest issued by then, else the latest; null: none. */
  certificate: RegisterCertificate | null;
  certificateCount: number;
  /** The provinces its certificate names, by name ("Cao Bằng, Bắc Kạn"); "Toàn quốc" for every province of today. */
  provinceNames: string;
  /** Its fields by their names in the language asked. */
  fieldNames: string;
  items: number;
  committedVnd: number;
  disbursedVnd: number;
}

export interface Register {
  from: string;
  to: string;
  rows: RegisterRow[];
  total: { items: number; committedVnd: number; disbursedVnd: number };
}

/** The NGOs of the statutory report's sheet: registered for the province during the period. */
export interface RegistryReportRow extends RegisterRow {
  /** Its certificate ended in the period (expired), or ends within 90 days of its end (expiring); else null. */
  ending: 'expired' | 'expiring' | null;
}

export interface RegistryReportPart {
  rows: RegistryReportRow[];
  total: Register['total'];
  /** NGOs registered, those with aid items in the period, certificates expired in it and expiring after it. */
  counts: { registered: number; withItems: number; expired: number; expiring: number };
  /** The summary paragraph's sentence. */
  sentence: string;
}
