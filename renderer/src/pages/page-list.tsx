import DashboardIcon from '@mui/icons-material/SpaceDashboardOutlined';
import HubIcon from '@mui/icons-material/HubOutlined';
import GroupsIcon from '@mui/icons-material/GroupsOutlined';
import SlideshowIcon from '@mui/icons-material/SlideshowOutlined';
import TimelineIcon from '@mui/icons-material/TimelineOutlined';
import RocketIcon from '@mui/icons-material/RocketLaunchOutlined';
import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import ViewWeekIcon from '@mui/icons-material/ViewWeekOutlined';
import RiskIcon from '@mui/icons-material/ReportProblemOutlined';
import VoteIcon from '@mui/icons-material/BackHandOutlined';
import ForecastIcon from '@mui/icons-material/InsightsOutlined';
import { lazy, type ComponentType } from 'react';
import type { PageMeta } from '../layout/navigation';
import { loadedPage, loadPage } from './page-loaders';

export interface PageEntry extends PageMeta {
  readonly icon: ComponentType;
  /** Loaded when first shown (pages/page-loaders.ts); App.tsx renders it inside a Suspense. */
  readonly component: ComponentType;
}

/**
 * A page whose code main.tsx may have loaded already: then it renders at once. React.lazy would
 * suspend on its first render even so, and React shows the content of a suspended page no sooner
 * than 300 ms after its fallback (its throttle against content popping in), which the Flow page's
 * first visit paid after its data had arrived.
 */
function lazyPage(id: string, name: string): ComponentType {
  const Lazy = lazy(() => loadPage(id)!.then((m) => ({ default: m[name]! })));
  return function Page() {
    const Loaded = loadedPage(id)?.[name];
    return Loaded ? <Loaded /> : <Lazy />;
  };
}

/**
 * The app's pages, in menu order: a new page is one entry here, its loader in page-loaders.ts and
 * its component. Its address is
 * "#/<id>"; whatever view state it has goes into the address with useViewParams()
 * (layout/view-params.ts), and its title detail with useViewTitle() (layout/view-title.ts).
 */
export const PAGES: readonly PageEntry[] = [
  { id: 'overview', label: 'Overview', icon: DashboardIcon, component: lazyPage('overview', 'OverviewPage') },
  { id: 'teams', label: 'Teams & dependencies', icon: GroupsIcon, component: lazyPage('teams', 'TeamsPage') },
  { id: 'coordination', label: 'Coordination', icon: HubIcon, component: lazyPage('coordination', 'CoordinationPage') },
  { id: 'plan', label: 'Plan', icon: ViewWeekIcon, component: lazyPage('plan', 'PlanPage') },
  { id: 'risks', label: 'Risks (ROAM)', icon: RiskIcon, component: lazyPage('risks', 'RisksPage') },
  { id: 'confidence', label: 'Confidence vote', icon: VoteIcon, component: lazyPage('confidence', 'ConfidencePage') },
  { id: 'flow', label: 'Flow', icon: TimelineIcon, component: lazyPage('flow', 'FlowPage'), shares: 'metrics-scope' },
  { id: 'delivery', label: 'Delivery', icon: RocketIcon, component: lazyPage('delivery', 'DeliveryPage'), shares: 'metrics-scope' },
  { id: 'forecast', label: 'Forecast', icon: ForecastIcon, component: lazyPage('forecast', 'ForecastPage') },
  { id: 'decks', label: 'Decks', icon: SlideshowIcon, component: lazyPage('decks', 'DecksPage') },
  { id: 'import', label: 'Import', icon: UploadIcon, component: lazyPage('import', 'ImportPage') },
];

export { HOME_PAGE } from './page-loaders';

