// The API's resources, one file each. A capability may add its own file here (one import line) or
// call registerApiResource from its own folder.
import './programmes.ts';
import './themes.ts';
import './projects.ts';
import './actions.ts';
import './organisations.ts';
import './targets.ts';
import './exports.ts';
import './agreement.ts';
import './funds.ts';
import './meetings.ts';
import './monitoring.ts';
import './website.ts';
