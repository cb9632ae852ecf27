/** The closed list of error codes a client can receive, with the words a person reads. */
export const ERRORS = {
  VALIDATION_FAILED: { id: 'Data yang dikirim tidak valid.', en: 'The data sent is not valid.' },
  UNAUTHENTICATED: {
    id: 'Perangkat atau petugas belum masuk. Silakan masuk atau pasangkan perangkat.',
    en: 'Device or staff not signed in. Please sign in or pair the device.',
  },
  FORBIDDEN: { id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  RATE_LIMITED: {
    id: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
    en: 'Too many requests. Wait a moment and try again.',
  },
  NOT_FOUND: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  INTERNAL: {
    id: 'Terjadi kesalahan pada server. Silakan coba lagi.',
    en: 'Something went wrong on the server. Please try again.',
  },
  // Set by the apps' own connection (packages/client), never sent by the hub.
  OFFLINE: {
    id: 'Tidak terhubung ke server. Periksa jaringan; perangkat akan tersambung lagi sendiri.',
    en: 'Not connected to the hub. Check the network; the device reconnects by itself.',
  },
  TIMEOUT: {
    id: 'Server tidak menjawab tepat waktu. Periksa hasilnya, lalu coba lagi bila perlu.',
    en: 'The hub did not answer in time. Check the result, then try again if needed.',
  },
  LOGIN_FAILED: { id: 'Nama pengguna atau PIN salah.', en: 'Wrong username or PIN.' },
  UNKNOWN_SERVICE: { id: 'Layanan tidak dikenal.', en: 'Unknown service.' },
  SERVICE_INACTIVE: { id: 'Layanan ini sedang tidak dibuka.', en: 'This service is not open now.' },
  UNKNOWN_DESK: { id: 'Meja tidak dikenal.', en: 'Unknown desk.' },
  DESK_NOT_OPEN: { id: 'Meja belum dibuka.', en: 'The desk is not open.' },
  DESK_IN_USE: { id: 'Meja ini sedang dipakai petugas lain.', en: 'This desk is in use by other staff.' },
  DESK_BUSY: {
    id: 'Selesaikan dulu antrian yang sedang dipanggil atau dilayani.',
    en: 'Finish the ticket being called or served first.',
  },
  QUEUE_EMPTY: { id: 'Tidak ada antrian yang menunggu.', en: 'Nobody is waiting.' },
  UNKNOWN_TICKET: { id: 'Nomor antrian tidak ditemukan.', en: 'Ticket not found.' },
  TICKET_NOT_AT_DESK: {
    id: 'Antrian ini tidak sedang di meja Anda.',
    en: 'This ticket is not at your desk.',
  },
  INVALID_TRANSITION: {
    id: 'Tindakan ini tidak dapat dilakukan pada status antrian sekarang.',
    en: 'This action does not apply to the ticket in its current state.',
  },
  RECALL_FIRST: {
    id: 'Panggil ulang dulu sebelum menandai tidak hadir.',
    en: 'Recall the ticket before marking it as a no-show.',
  },
  SAME_QUEUE: {
    id: 'Antrian sudah berada di layanan tersebut.',
    en: 'The ticket is already in that service.',
  },
  NOT_FINISHED: {
    id: 'Layanan untuk antrian ini belum selesai.',
    en: 'This ticket has not been served yet.',
  },
  ALREADY_RATED: {
    id: 'Penilaian untuk kunjungan ini sudah diberikan.',
    en: 'This visit has already been rated.',
  },
  OFFICE_CLOSED: {
    id: 'Layanan PST sedang tutup. Silakan datang kembali pada jam layanan.',
    en: 'The PST is closed now. Please come back during service hours.',
  },
  NOT_FRONT_OFFICE: {
    id: 'Buku tamu diisi di meja Front Office.',
    en: 'The guest book is filled at the front office desk.',
  },
  NOT_REPRINTABLE: {
    id: 'Tiket ini tidak dapat dicetak ulang: hanya tiket hari ini yang masih menunggu.',
    en: "This ticket cannot be reprinted: only today's tickets still waiting.",
  },
  // ---------- security (issue 16) ----------
  LOGIN_THROTTLED: {
    id: 'Terlalu banyak percobaan masuk yang salah. Tunggu sampai waktu yang ditampilkan, lalu coba lagi.',
    en: 'Too many failed sign-in attempts. Wait for the time shown, then try again.',
  },
  ROLE_ABOVE_OWN: {
    id: 'Anda tidak dapat memberi peran atau mengubah akun dengan peran di atas peran Anda.',
    en: 'You cannot grant a role, or change an account, above your own role.',
  },
  LAST_ADMIN: {
    id: 'Admin aktif terakhir tidak dapat dinonaktifkan atau diturunkan perannya.',
    en: 'The last active admin cannot be disabled or given a lower role.',
  },
  // ---- hold and send to a desk (issue 20, part 2) ----
  DESK_HAS_PARKED: {
    id: 'Masih ada antrian yang ditunda di meja ini: panggil kembali, kembalikan ke antrian, atau tandai tidak hadir dulu.',
    en: 'Tickets are still on hold at this desk: call them back, return them to their queue, or mark them no-show first.',
  },
  SAME_DESK: { id: 'Antrian sudah berada di meja ini.', en: 'The ticket is already at this desk.' },
  DESK_NOT_SERVING: {
    id: 'Meja tujuan tidak melayani layanan tersebut.',
    en: 'That desk does not serve this service.',
  },
  NO_PREVIOUS_QUEUE: {
    id: 'Antrian ini belum pernah dialihkan, jadi tidak ada antrian sebelumnya.',
    en: 'This ticket was never transferred: there is no previous queue.',
  },
  // ---- online requests and appointments (issue 21) ----
  UNKNOWN_ONLINE_REQUEST: { id: 'Permintaan online tidak ditemukan.', en: 'Online request not found.' },
  ONLINE_INVALID_TRANSITION: {
    id: 'Tindakan ini tidak dapat dilakukan pada status permintaan sekarang.',
    en: 'This action does not apply to the request in its current state.',
  },
  ONLINE_CLOSE_TOO_EARLY: {
    id: 'Permintaan baru dapat ditutup karena tidak ada respons setelah 7 hari tanpa balasan pengguna.',
    en: 'A request can be closed for no response only after 7 days without a reply from the user.',
  },
  ONLINE_NOT_ANSWERED: {
    id: 'Penilaian diisi setelah permintaan dijawab.',
    en: 'The rating is given once the request has been answered.',
  },
  APPOINTMENT_HOLIDAY: {
    id: 'Tanggal janji temu jatuh pada hari libur atau akhir pekan. Pilih hari kerja.',
    en: 'The appointment date is a holiday or a weekend. Choose a working day.',
  },
  APPOINTMENT_OUTSIDE_HOURS: {
    id: 'Jam janji temu di luar jam layanan PST.',
    en: 'The appointment time is outside the PST service hours.',
  },
  APPOINTMENT_IN_PAST: { id: 'Waktu janji temu sudah lewat.', en: 'The appointment time has passed.' },
  APPOINTMENT_TOO_FAR: {
    id: 'Janji temu paling lambat 90 hari ke depan. Periksa tanggalnya.',
    en: 'Appointments can be booked at most 90 days ahead. Check the date.',
  },
  APPOINTMENT_CONSULTANT_BUSY: {
    id: 'Petugas tersebut sudah punya janji temu pada jam itu.',
    en: 'That consultant already has an appointment at that time.',
  },
  APPOINTMENT_ZOOM_LINK: {
    id: 'Janji temu Zoom memerlukan tautan rapat Zoom (https://….zoom.us/…) tanpa spasi atau teks lain.',
    en: 'A Zoom appointment needs a Zoom meeting link (https://….zoom.us/…), with no spaces or other text.',
  },
  APPOINTMENT_CODE_UNKNOWN: {
    id: 'Kode janji temu tidak dikenal. Periksa kembali kode dari WhatsApp.',
    en: 'Unknown appointment code. Check the code sent by WhatsApp.',
  },
  APPOINTMENT_CODE_THROTTLED: {
    id: 'Kode salah 5 kali. Tunggu 5 menit atau minta bantuan petugas.',
    en: 'Wrong code 5 times. Wait 5 minutes or ask the staff for help.',
  },
  APPOINTMENT_TOO_EARLY: {
    id: 'Janji temu Anda belum dimulai. Kode dapat dipakai mulai 1 jam sebelum jadwal.',
    en: 'Your appointment has not started. The code works from 1 hour before the slot.',
  },
  APPOINTMENT_TOO_LATE: {
    id: 'Jadwal janji temu Anda sudah lewat lebih dari 15 menit. Silakan ambil nomor antrian biasa.',
    en: 'Your appointment was more than 15 minutes ago. Please take a regular ticket.',
  },
  APPOINTMENT_USED: {
    id: 'Kode janji temu ini sudah dipakai.',
    en: 'This appointment code has been used.',
  },
  // ---- desk control, part 1 (issue 20) ----
  NOT_WAITING_HERE: {
    id: 'Antrian ini tidak sedang menunggu di layanan yang dilayani meja Anda.',
    en: 'This ticket is not waiting in a queue this desk serves.',
  },
  UNKNOWN_APPOINTMENT: { id: 'Janji temu tidak ditemukan.', en: 'Appointment not found.' },
  APPOINTMENT_NOT_ZOOM: {
    id: 'Kehadiran janji temu datang langsung tercatat di mesin antrian, tidak ditandai petugas.',
    en: 'An in-person appointment is checked in at the kiosk, not marked by staff.',
  },
  APPOINTMENT_NOT_STARTED: {
    id: 'Kehadiran dapat ditandai mulai jam janji temu.',
    en: 'Attendance can be marked from the appointment time on.',
  },
  // ---- appointment review (issues 15/17) ----
  APPOINTMENT_NOT_CONSULTANT: {
    id: 'Petugas yang dipilih bukan konsultan yang aktif.',
    en: 'The chosen staff member is not an active consultant.',
  },
  APPOINTMENT_NOT_YOURS: {
    id: 'Kehadiran janji temu ini hanya dapat ditandai oleh konsultannya sendiri, supervisor, atau admin.',
    en: "Only the appointment's own consultant, a supervisor or an admin marks its attendance.",
  },
} as const satisfies Record<string, { id: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Field-level details for VALIDATION_FAILED: path -> problem. */
  details?: Record<string, string>;
}

export function errorBody(
  code: ErrorCode,
  lang: 'id' | 'en' = 'id',
  details?: Record<string, string>,
): ErrorBody {
  return details ? { code, message: ERRORS[code][lang], details } : { code, message: ERRORS[code][lang] };
}

/**
 * The words a person reads for an error, from this table in their language: apps show this, never
 * the `message` a server sent (a hub of another version, or a raw system error, would leak through).
 */
export function errorText(code: string, lang: 'id' | 'en' = 'id'): string {
  return (ERRORS[code as ErrorCode] ?? ERRORS.INTERNAL)[lang];
}
