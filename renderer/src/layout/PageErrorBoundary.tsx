import Button from '@mui/material/Button';
import { Component, type ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';

// One page that fails to draw (a bug, an address it cannot follow) takes down that page only:
// without a boundary React unmounts the whole app and leaves a blank window, menus and all.
// A class, because React catches render errors only in one (react-error-boundary wraps the same).

interface Props {
  /** Changes when the page or its address does: a failed page is tried again once someone goes elsewhere. */
  readonly resetKey: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly key: string;
}

export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <>
        <ErrorNotice title="This page could not be drawn" error={{ message: `${this.state.error.message} Your workspace is unchanged; another page, or this one again, may work.` }} />
        <Button variant="outlined" onClick={() => this.setState({ error: null })}>
          Try again
        </Button>
      </>
    );
  }
}
