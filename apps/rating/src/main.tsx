import { mountApp } from '@pst/ui';
import { App } from './App';
import { useRating } from './store';
import '@pst/ui/base.css';
import './styles.css';

mountApp(App, useRating);
