/** The app mark, inline so it needs no request and follows the theme's accent. */
export function AppIcon({ size = 16 }: { size?: number }) {
  return (
    <svg className="app-icon" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" className="app-icon-tile" />
      <path
        d="M10 15.5a4.5 4.5 0 0 1 8.6-1.9A3.5 3.5 0 1 1 22 19.5H11a3 3 0 0 1-1-4z"
        className="app-icon-cloud"
      />
      <rect x="7" y="22" width="18" height="2.5" rx="1.25" className="app-icon-shelf" />
    </svg>
  );
}
