import { appViteConfig } from '@pst/ui/vite';

export default appViteConfig('kiosk', 'Ambil Nomor Antrian · PST', { viewport: 'touch' });
