import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import '@pst/ui/base.css';
import './styles.css';

// A kiosk is touched, not browsed: no context menu (long press), no text selection.
document.addEventListener('contextmenu', (event) => event.preventDefault());

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
