import { appViteConfig } from '@pst/ui/vite';

export default appViteConfig('rating', 'Penilaian Layanan · PST');
