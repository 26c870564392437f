/** The NGO registry area (Decree 58/2022/NĐ-CP): its records, checks, to-dos and holidays. */
export { listHolidays, setHolidays } from './holidays';
export {
  addCertificate,
  addPlan,
  addYearReport,
  deleteCertificate,
  deleteContact,
  deletePlan,
  deleteYearReport,
  getNgo,
  listNgos,
  saveContact,
  saveProfile,
  updateCertificate,
} from './registry';
export { registryTodo } from './todo';
export { acknowledgeWarning, checkRecord, listWarnings } from './warnings';
