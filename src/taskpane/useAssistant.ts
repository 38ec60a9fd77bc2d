/** React glue for the Assistant controller. */
import * as React from "react";
import { Assistant } from "./assistant";
import type { AssistantOptions } from "./check-loop";
import type { AssistantState } from "./state";
import type { WorkbookPort } from "../core/port";

/** One Assistant per port, started on mount and disposed on unmount. */
export function useAssistant(port: WorkbookPort, options: AssistantOptions = {}): Assistant {
  const [assistant] = React.useState(() => new Assistant(port, options));
  React.useEffect(() => {
    void assistant.start();
    return () => assistant.dispose();
  }, [assistant]);
  return assistant;
}

export function useAssistantState(assistant: Assistant): AssistantState {
  return React.useSyncExternalStore(assistant.subscribe, assistant.getState, assistant.getState);
}
