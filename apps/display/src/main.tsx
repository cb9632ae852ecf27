import { mountApp } from '@pst/ui';
import { App } from './App';
import { useDisplay } from './store';
import '@pst/ui/base.css';
import './styles.css';

mountApp(App, useDisplay);
