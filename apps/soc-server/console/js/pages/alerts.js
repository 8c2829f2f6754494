import { route } from '../router.js';

route('/alerts', (view) => {
  view.textContent = 'alerts';
});
