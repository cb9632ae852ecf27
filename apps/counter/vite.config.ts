import { appViteConfig } from '@pst/ui/vite';

export default appViteConfig('counter', 'Meja Layanan · PST', { api: true });
