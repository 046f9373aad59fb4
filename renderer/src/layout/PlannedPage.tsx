import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { PageHeader } from './PageHeader';

/** A page whose feature has not landed yet: says plainly what it will hold. */
export function PlannedPage({ title, summary, willShow }: { title: string; summary: string; willShow: string[] }) {
  return (
    <>
      <PageHeader title={title} subtitle={summary} />
      <Alert severity="info" sx={{ mb: 2 }}>
        This page is not built yet. When it is, it will show:
      </Alert>
      <List dense>
        {willShow.map((line) => (
          <ListItem key={line}>
            <ListItemText primary={line} />
          </ListItem>
        ))}
      </List>
    </>
  );
}
