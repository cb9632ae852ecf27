import { mountApp } from '@pst/ui';
import { App } from './App';
import { useKiosk } from './store';
import '@pst/ui/base.css';
import './styles.css';

// A kiosk is touched, not browsed: no context menu (long press), no text selection.
document.addEventListener('contextmenu', (event) => event.preventDefault());

mountApp(App, useKiosk);
