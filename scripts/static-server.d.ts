import type { IncomingMessage, ServerResponse } from "node:http";

export const MIME: Readonly<Record<string, string>>;

export interface StaticOptions {
  readonly mounts?: Readonly<Record<string, string>>;
  readonly redirect?: string;
  readonly cacheControl?: string;
  readonly onServed?: (urlPath: string, status: number) => void;
}

export function staticHandler(
  root: string,
  options?: StaticOptions
): (req: IncomingMessage, res: ServerResponse) => void;
