import type { InterlockEntity } from './format-names';

// The Interlock templates users download from the Import page (and docs/IMPORT.md shows): one CSV
// per entity and one JSON bundle, all describing the same small example so that they import
// together. Instants are ISO 8601 in UTC; lists inside a cell are separated by semicolons.

export const CSV_TEMPLATES: Record<InterlockEntity, string> = {
  teams: ['key,name,value_stream', 'checkout,Checkout,Customer Journeys', 'platform,Cloud Platform,Platform & Enablement', ''].join('\n'),
  objectives: [
    'key,title,level,parent,teams,increment,business_value,actual_value,committed,items',
    'OBJ-1,Halve checkout abandonment,portfolio,,,,,,,',
    'OBJ-2,One-page checkout live in all markets,program,OBJ-1,checkout;platform,,,,,',
    'OBJ-3,Pay with a saved card in every market,team,OBJ-2,checkout,PI 24.2,8,,yes,CHK-1',
    'OBJ-4,Gateway sandbox for every team,team,OBJ-2,platform,PI 24.2,5,,no,PLT-1',
    '',
  ].join('\n'),
  items: [
    'key,title,type,team,status,status_category,created_at,first_active_at,done_at,parent,objectives',
    'CHK-1,One-page checkout,epic,checkout,In Progress,active,2024-03-01T09:00:00Z,2024-03-04T09:00:00Z,,,OBJ-2',
    'CHK-2,Pay with saved card,story,checkout,Done,done,2024-03-02T10:00:00Z,2024-03-05T09:30:00Z,2024-03-12T16:00:00Z,CHK-1,OBJ-2',
    'PLT-1,Payment gateway sandbox,story,platform,Blocked,waiting,2024-03-01T08:00:00Z,2024-03-03T11:00:00Z,,,',
    '',
  ].join('\n'),
  transitions: [
    'item,from_status,to_status,at',
    'CHK-2,,To Do,2024-03-02T10:00:00Z',
    'CHK-2,To Do,In Progress,2024-03-05T09:30:00Z',
    'CHK-2,In Progress,In Review,2024-03-08T15:00:00Z',
    'CHK-2,In Review,Done,2024-03-12T16:00:00Z',
    'PLT-1,,To Do,2024-03-01T08:00:00Z',
    'PLT-1,To Do,In Progress,2024-03-03T11:00:00Z',
    'PLT-1,In Progress,Blocked,2024-03-06T14:00:00Z',
    '',
  ].join('\n'),
  dependencies: [
    'key,from_item,from_team,to_item,to_team,kind,interface,created_at,needed_by,resolved_at',
    'DEP-1,CHK-2,checkout,PLT-1,platform,blocks,Payment gateway API,2024-03-02T10:00:00Z,2024-03-15T00:00:00Z,',
    '',
  ].join('\n'),
  deployments: [
    'key,team,service,at,succeeded,change_at,release,items',
    'DEP-100,checkout,checkout-web,2024-03-12T17:00:00Z,true,2024-03-11T12:00:00Z,Journeys R12,CHK-2',
    'DEP-101,checkout,checkout-web,2024-03-13T10:00:00Z,false,2024-03-12T18:00:00Z,Journeys R12,',
    '',
  ].join('\n'),
  incidents: ['key,team,service,opened_at,resolved_at,caused_by_deployment', 'INC-1,checkout,checkout-web,2024-03-13T10:20:00Z,2024-03-13T11:05:00Z,DEP-101', ''].join('\n'),
  increments: ['name,start,end,capacity_unit', 'PI 24.2,2024-03-04,2024-04-28,items', ''].join('\n'),
  iterations: [
    'increment,name,start,end,team',
    'PI 24.2,Iteration 1,2024-03-04,2024-03-17,',
    'PI 24.2,Iteration 2,2024-03-18,2024-03-31,',
    'PI 24.2,Iteration 3,2024-04-01,2024-04-14,',
    'PI 24.2,Iteration 4,2024-04-15,2024-04-28,',
    'PI 24.2,Platform week 1,2024-03-04,2024-03-10,platform',
    '',
  ].join('\n'),
  capacity: ['increment,iteration,team,amount', 'PI 24.2,Iteration 1,checkout,4', 'PI 24.2,Iteration 2,checkout,4', 'PI 24.2,Iteration 1,platform,3', ''].join('\n'),
  milestones: ['increment,name,date,team', 'PI 24.2,Payments go-live,2024-04-10,', 'PI 24.2,Gateway contract signed,2024-03-15,platform', ''].join('\n'),
  plan: ['increment,iteration,team,item,size', 'PI 24.2,Platform week 1,platform,PLT-1,3', 'PI 24.2,Iteration 2,checkout,CHK-1,8', ''].join('\n'),
  risks: [
    'key,title,description,status,owner_team,owner,scope,scope_key,items,dependencies,objectives',
    'RISK-1,Gateway sandbox late for checkout testing,Checkout cannot test saved cards until the sandbox is up.,owned,platform,Priya Shah,increment,PI 24.2,CHK-2;PLT-1,DEP-1,OBJ-3',
    'RISK-2,Card scheme certification slot not booked,,unroamed,,,team,checkout,,,OBJ-3',
    'RISK-3,Peak traffic during the go-live week,We go live in the busiest week of the quarter.,accepted,,,increment,PI 24.2,,,',
    '',
  ].join('\n'),
};

/** The same example as one JSON bundle (the Portfolio shape; every array optional). */
export const JSON_BUNDLE_TEMPLATE = `${JSON.stringify(
  {
    teams: [
      { key: 'checkout', name: 'Checkout', valueStream: 'Customer Journeys' },
      { key: 'platform', name: 'Cloud Platform', valueStream: 'Platform & Enablement' },
    ],
    objectives: [
      { key: 'OBJ-1', title: 'Halve checkout abandonment', level: 'portfolio', parentKey: null, teamKeys: [] },
      { key: 'OBJ-2', title: 'One-page checkout live in all markets', level: 'program', parentKey: 'OBJ-1', teamKeys: ['checkout', 'platform'] },
    ],
    items: [
      {
        key: 'CHK-2',
        title: 'Pay with saved card',
        type: 'story',
        teamKey: 'checkout',
        status: 'Done',
        statusCategory: 'done',
        createdAt: '2024-03-02T10:00:00Z',
        firstActiveAt: '2024-03-05T09:30:00Z',
        doneAt: '2024-03-12T16:00:00Z',
        parentKey: null,
        objectiveKeys: ['OBJ-2'],
      },
      {
        key: 'PLT-1',
        title: 'Payment gateway sandbox',
        type: 'story',
        teamKey: 'platform',
        status: 'Blocked',
        statusCategory: 'waiting',
        createdAt: '2024-03-01T08:00:00Z',
        firstActiveAt: '2024-03-03T11:00:00Z',
        doneAt: null,
        parentKey: null,
        objectiveKeys: [],
      },
    ],
    transitions: [
      { itemKey: 'CHK-2', fromStatus: null, toStatus: 'To Do', at: '2024-03-02T10:00:00Z' },
      { itemKey: 'CHK-2', fromStatus: 'To Do', toStatus: 'In Progress', at: '2024-03-05T09:30:00Z' },
      { itemKey: 'CHK-2', fromStatus: 'In Progress', toStatus: 'Done', at: '2024-03-12T16:00:00Z' },
    ],
    dependencies: [
      {
        key: 'DEP-1',
        fromItemKey: 'CHK-2',
        fromTeamKey: 'checkout',
        toItemKey: 'PLT-1',
        toTeamKey: 'platform',
        kind: 'blocks',
        interfaceName: 'Payment gateway API',
        createdAt: '2024-03-02T10:00:00Z',
        neededBy: null,
        resolvedAt: null,
      },
    ],
    deployments: [
      { key: 'DEP-100', teamKey: 'checkout', service: 'checkout-web', at: '2024-03-12T17:00:00Z', succeeded: true, changeAt: null, release: 'Journeys R12', itemKeys: ['CHK-2'] },
    ],
    incidents: [{ key: 'INC-1', teamKey: 'checkout', service: 'checkout-web', openedAt: '2024-03-13T10:20:00Z', resolvedAt: '2024-03-13T11:05:00Z', causedByDeploymentKey: 'DEP-100' }],
    increments: [{ name: 'PI 24.2', start: '2024-03-04', end: '2024-04-28', capacityUnit: 'items' }],
    iterations: [
      { increment: 'PI 24.2', name: 'Iteration 1', start: '2024-03-04', end: '2024-03-17', team: null },
      { increment: 'PI 24.2', name: 'Iteration 2', start: '2024-03-18', end: '2024-03-31', team: null },
    ],
    capacity: [{ increment: 'PI 24.2', iteration: 'Iteration 1', team: 'checkout', amount: 4 }],
    milestones: [{ increment: 'PI 24.2', name: 'Payments go-live', date: '2024-03-29', team: null }],
    plan: [{ increment: 'PI 24.2', iteration: 'Iteration 2', team: 'platform', item: 'PLT-1', size: 3 }],
    risks: [
      {
        key: 'RISK-1',
        title: 'Gateway sandbox late for checkout testing',
        description: 'Checkout cannot test saved cards until the sandbox is up.',
        status: 'owned',
        ownerTeam: 'platform',
        owner: 'Priya Shah',
        scope: { kind: 'increment', key: 'PI 24.2' },
        items: ['CHK-2', 'PLT-1'],
        dependencies: ['DEP-1'],
        objectives: [],
      },
    ],
  },
  null,
  2,
)}\n`;

export interface ImportTemplate {
  fileName: string;
  label: string;
  content: string;
  mimeType: string;
}

export const IMPORT_TEMPLATES: readonly ImportTemplate[] = [
  ...(Object.entries(CSV_TEMPLATES) as [InterlockEntity, string][]).map(([entity, content]) => ({
    fileName: `interlock-${entity}.csv`,
    label: `${entity[0]!.toUpperCase()}${entity.slice(1)} (CSV)`,
    content,
    mimeType: 'text/csv',
  })),
  { fileName: 'interlock-bundle.json', label: 'Everything (JSON bundle)', content: JSON_BUNDLE_TEMPLATE, mimeType: 'application/json' },
];
