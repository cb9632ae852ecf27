import { appViteConfig } from '@pst/ui/vite';

export default appViteConfig('display', 'Layar Antrian · PST');
