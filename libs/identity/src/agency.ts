/**
 * Member identity, as X-Road's member subsystems: a credential names a region AND the kind of agency
 * acting for it. Access is granted per operation to agency kinds (docs/ACCESS.md), and a fact is
 * accepted only from the kind entitled to state it (a hukou move from public security, an insured
 * region from the agency of that insurance branch).
 */
export const AGENCY_KINDS = {
  'public-security': '公安（户籍、居住证）',
  'human-resources': '人力资源和社会保障',
  'healthcare-security': '医疗保障',
  'civil-affairs': '民政',
  education: '教育',
  housing: '住房和城乡建设',
  health: '卫生健康',
  'veterans-affairs': '退役军人事务',
  culture: '文化和旅游',
  sports: '体育',
} as const;

export type AgencyKind = keyof typeof AGENCY_KINDS;

export const agencyKinds = (): AgencyKind[] => Object.keys(AGENCY_KINDS) as AgencyKind[];

export const isAgencyKind = (value: unknown): value is AgencyKind =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(AGENCY_KINDS, value);
