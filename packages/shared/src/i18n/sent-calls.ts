/** Strings of the audit of tickets sent to a named desk (their first call there): the chosen-calls report. */
export const sentCallsId = {
  'sendVia.guest-book': 'Buku tamu',
  'sendVia.send': 'Kirim ke meja',
  'sup.sentCalls': 'Dikirim ke meja tertentu (panggilan pertama di meja tujuan)',
  'sup.sentNone': 'Tidak ada antrian kiriman yang dipanggil di meja tujuan dalam rentang ini.',
  'sup.sentCount': 'Dipanggil setelah dikirim',
  'sup.sentBySender': 'Dikirim oleh',
  'sup.sentByVia': 'Cara pengiriman',
};

export const sentCallsEn: Record<keyof typeof sentCallsId, string> = {
  'sendVia.guest-book': 'Guest book',
  'sendVia.send': 'Send to desk',
  'sup.sentCalls': 'Sent to a named desk (first call at that desk)',
  'sup.sentNone': 'No sent tickets were called at their desk in this range.',
  'sup.sentCount': 'Called after being sent',
  'sup.sentBySender': 'Sent by',
  'sup.sentByVia': 'How it was sent',
};
