/**
 * Strings of the audit of tickets sent to a named desk (their first call there) and of tickets put back
 * at the head of a queue: the chosen-calls report.
 */
export const sentCallsId = {
  'sendVia.guest-book': 'Buku tamu',
  'sendVia.send': 'Kirim ke meja',
  'sup.sentCalls': 'Dikirim ke meja tertentu (panggilan pertama di meja tujuan)',
  'sup.sentNone': 'Tidak ada antrian kiriman yang dipanggil di meja tujuan dalam rentang ini.',
  'sup.sentCount': 'Dipanggil setelah dikirim',
  'sup.sentBySender': 'Dikirim oleh',
  'sup.sentByVia': 'Cara pengiriman',
  'headMoveWay.transfer-back': 'Kembalikan ke antrian sebelumnya',
  'headMoveWay.requeue': 'Kembalikan ke antrian (dari tunda)',
  'sup.headMoves': 'Dikembalikan ke depan antrian (mendahului yang menunggu)',
  'sup.headMovesNone': 'Tidak ada nomor antrian yang dikembalikan ke urutan terdepan dalam rentang ini.',
  'sup.headMoveCount': 'Dikembalikan',
  'sup.headMoveByStaff': 'Dikembalikan oleh',
  'sup.headMoveByWay': 'Cara pengembalian',
};

export const sentCallsEn: Record<keyof typeof sentCallsId, string> = {
  'sendVia.guest-book': 'Guest book',
  'sendVia.send': 'Send to desk',
  'sup.sentCalls': 'Sent to a named desk (first call at that desk)',
  'sup.sentNone': 'No sent tickets were called at their desk in this range.',
  'sup.sentCount': 'Called after being sent',
  'sup.sentBySender': 'Sent by',
  'sup.sentByVia': 'How it was sent',
  'headMoveWay.transfer-back': 'Back to the previous queue',
  'headMoveWay.requeue': 'Back to the queue (from hold)',
  'sup.headMoves': 'Put back at the head of a queue (ahead of those waiting)',
  'sup.headMovesNone': 'No tickets were put back at the head of a queue in this range.',
  'sup.headMoveCount': 'Put back',
  'sup.headMoveByStaff': 'Put back by',
  'sup.headMoveByWay': 'How it was put back',
};
