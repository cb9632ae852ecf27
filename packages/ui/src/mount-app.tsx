import { type ComponentType, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { UiProvider, type UiStore } from './provider';

/** Renders an app into the page's #root, under the UiProvider fed by the app's store. */
export function mountApp(App: ComponentType, store: UiStore): void {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <UiProvider store={store}>
        <App />
      </UiProvider>
    </StrictMode>,
  );
}
