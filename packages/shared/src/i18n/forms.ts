/** Strings of the date, time and file fields (screens review); English has the same keys. */
export const formsId = {
  'forms.dateHint': 'tanggal/bulan/tahun, mis. 03/12/2026',
  'forms.dateInvalid': 'Tulis tanggal sebagai hh/bb/tttt',
  'forms.timeHint': 'jj.mm, mis. 08.00',
  'forms.timeInvalid': 'Tulis jam sebagai jj.mm (00.00–23.59)',
  'forms.chooseFile': 'Pilih berkas',
  'forms.noFile': 'Belum ada berkas',
  'on.workingLeftUnder1': 'kurang dari 1 hari kerja',
  'on.overdueUnder1': 'lewat kurang dari 1 hari kerja',
};

export const formsEn: Record<keyof typeof formsId, string> = {
  'forms.dateHint': 'day/month/year, e.g. 03/12/2026',
  'forms.dateInvalid': 'Write the date as dd/mm/yyyy',
  'forms.timeHint': 'hh:mm, e.g. 08:00',
  'forms.timeInvalid': 'Write the time as hh:mm (00:00–23:59)',
  'forms.chooseFile': 'Choose file',
  'forms.noFile': 'No file yet',
  'on.workingLeftUnder1': 'less than 1 working day',
  'on.overdueUnder1': 'less than 1 working day late',
};
