/**
 * Strings of the screens review (kiosk and lobby display): what a visitor does after taking a
 * number, the kiosk's own words for errors worded for staff, the display's empty states.
 */
export const screensId = {
  'kiosk.nextFrontOffice':
    'Silakan duduk dan perhatikan layar antrian. Saat nomor Anda dipanggil, menuju Front Office untuk mengisi buku tamu.',
  'kiosk.nextDesk':
    'Silakan duduk dan perhatikan layar antrian. Saat nomor Anda dipanggil, menuju meja yang disebutkan.',
  'kiosk.error.RATE_LIMITED':
    'Mohon tunggu beberapa detik lalu sentuh layanan lagi; bila gagal, minta bantuan petugas.',
  'kiosk.error.unreachable':
    'Nomor belum dapat diambil. Sentuh layanan lagi; bila gagal, minta bantuan petugas.',
  'display.noDesks': 'Belum ada meja yang buka',
  // Beside a desk's number while its visitor is called and on the way, not yet served.
  'display.deskCalled': 'dipanggil',
} as const;

export const screensEn: Record<keyof typeof screensId, string> = {
  'kiosk.nextFrontOffice':
    'Please take a seat and watch the queue screen. When your number is called, go to the Front Office to fill in the guest book.',
  'kiosk.nextDesk':
    'Please take a seat and watch the queue screen. When your number is called, go to the desk named.',
  'kiosk.error.RATE_LIMITED':
    'Please wait a few seconds, then touch the service again; if it still fails, ask the staff for help.',
  'kiosk.error.unreachable':
    'The number could not be taken yet. Touch the service again; if it still fails, ask the staff for help.',
  'display.noDesks': 'No desk is open yet',
  'display.deskCalled': 'called',
};
