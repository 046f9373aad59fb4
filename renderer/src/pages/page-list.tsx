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
import type { ComponentType } from 'react';
import type { PageMeta } from '../layout/navigation';
import { ConfidencePage } from './ConfidencePage';
import { CoordinationPage } from './CoordinationPage';
import { DecksPage } from './DecksPage';
import { DeliveryPage } from './DeliveryPage';
import { FlowPage } from './FlowPage';
import { ForecastPage } from './ForecastPage';
import { ImportPage } from './ImportPage';
import { OverviewPage } from './OverviewPage';
import { PlanPage } from './PlanPage';
import { RisksPage } from './RisksPage';
import { TeamsPage } from './TeamsPage';

export interface PageEntry extends PageMeta {
  readonly icon: ComponentType;
  readonly component: ComponentType;
}

/**
 * The app's pages, in menu order: a new page is one entry here and its component. Its address is
 * "#/<id>"; whatever view state it has goes into the address with useViewParams()
 * (layout/view-params.ts), and its title detail with useViewTitle() (layout/view-title.ts).
 */
export const PAGES: readonly PageEntry[] = [
  { id: 'overview', label: 'Overview', icon: DashboardIcon, component: OverviewPage },
  { id: 'teams', label: 'Teams & dependencies', icon: GroupsIcon, component: TeamsPage },
  { id: 'coordination', label: 'Coordination', icon: HubIcon, component: CoordinationPage },
  { id: 'plan', label: 'Plan', icon: ViewWeekIcon, component: PlanPage },
  { id: 'risks', label: 'Risks (ROAM)', icon: RiskIcon, component: RisksPage },
  { id: 'confidence', label: 'Confidence vote', icon: VoteIcon, component: ConfidencePage },
  { id: 'flow', label: 'Flow', icon: TimelineIcon, component: FlowPage, shares: 'metrics-scope' },
  { id: 'delivery', label: 'Delivery', icon: RocketIcon, component: DeliveryPage, shares: 'metrics-scope' },
  { id: 'forecast', label: 'Forecast', icon: ForecastIcon, component: ForecastPage },
  { id: 'decks', label: 'Decks', icon: SlideshowIcon, component: DecksPage },
  { id: 'import', label: 'Import', icon: UploadIcon, component: ImportPage },
];

export const HOME_PAGE = 'overview';
