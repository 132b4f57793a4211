import { render } from 'preact';
import '@/components/ui/ui.css';
import './style.css';
import { Popup } from '@/components/popup/Popup';

render(<Popup />, document.getElementById('app')!);
