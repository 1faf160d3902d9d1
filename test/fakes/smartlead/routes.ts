/** Every fake SmartLead route, gathered from one file per domain. */
import type { FakeRoute } from "../server";

export const SMARTLEAD_MAIN_ROUTES: FakeRoute[] = [];
export const SMARTDELIVERY_ROUTES: FakeRoute[] = [];
export const SMARTSENDERS_ROUTES: FakeRoute[] = [];
export const SMARTPROSPECT_ROUTES: FakeRoute[] = [];
