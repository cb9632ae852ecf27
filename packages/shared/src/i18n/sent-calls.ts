/** Strings of the audit of tickets sent to a named desk (their first call there): the chosen-calls report. */
export const sentCallsId = {
  'sendVia.guest-book': 'Buku tamu',
  'sendVia.send': 'Kirim ke meja',
  'sup.sentCalls': 'Dikirim ke meja (dipanggil mendahului antrian)',
  'sup.sentNone': 'Tidak ada antrian yang dikirim ke meja dalam rentang ini.',
  'sup.sentCount': 'Dipanggil setelah dikirim',
  'sup.sentBySender': 'Dikirim oleh',
  'sup.sentByVia': 'Dikirim lewat',
};

export const sentCallsEn: Record<keyof typeof sentCallsId, string> = {
  'sendVia.guest-book': 'Guest book',
  'sendVia.send': 'Send to desk',
  'sup.sentCalls': 'Sent to a desk (called ahead of the queue)',
  'sup.sentNone': 'No tickets were sent to a desk in this range.',
  'sup.sentCount': 'Called after being sent',
  'sup.sentBySender': 'Sent by',
  'sup.sentByVia': 'Sent via',
};
