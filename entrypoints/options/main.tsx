import { render } from 'preact';
import '@/components/ui/ui.css';
import './style.css';
import { OptionsApp } from '@/components/options/OptionsApp';

render(<OptionsApp />, document.getElementById('app')!);
