/** The NGO registry area (Decree 58/2022/NĐ-CP): its records, checks, to-dos and holidays. */
export { listHolidays, setHolidays } from './holidays';
export { getNgo, listNgos } from './reading';
export { addPlan, addYearReport, deleteContact, deletePlan, deleteYearReport, saveContact } from './records';
export { addCertificate, deleteCertificate, saveProfile, updateCertificate } from './registry';
export { registryTodo } from './todo';
export { acknowledgeWarning, checkRecord, listWarnings } from './warnings';
