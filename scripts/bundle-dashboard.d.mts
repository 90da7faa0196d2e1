/** scripts/bundle-dashboard.mjs: builds the dashboard into `<outDir>/dashboard`. */
export function buildDashboard(outDir: string): Promise<void>
