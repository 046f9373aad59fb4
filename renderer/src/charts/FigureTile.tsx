import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** One headline figure: its name, value, the comparison period's value and what it left out. */
export function FigureTile({ label, value, detail, previous, previousName = 'Period before', testId, children }: { label: ReactNode; value: string; detail?: string; previous?: string | null; previousName?: string; testId: string; children?: ReactNode }) {
  return (
    <Card data-testid={testId} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="figure">
          {value}
        </Typography>
        {detail && <Typography variant="body2">{detail}</Typography>}
        {previous && (
          <Typography variant="body2" color="text.secondary">
            {previousName}: {previous}
          </Typography>
        )}
        {children}
      </CardContent>
    </Card>
  );
}
