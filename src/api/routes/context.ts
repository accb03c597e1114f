// What every API route needs, built once by createApp.
import type { DataContext } from "../data-service.ts";

export type ApiContext = DataContext;
