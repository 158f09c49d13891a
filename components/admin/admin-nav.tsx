import Link from "next/link";

const adminPages = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/tags", label: "Tags" },
  { href: "/admin/publications", label: "Publications" },
] as const;

export type AdminPagePath = (typeof adminPages)[number]["href"];

// Links between the admin pages, at the top of each; the site header keeps only the first two.
export function AdminNav({ current }: { current: AdminPagePath }) {
  return (
    <nav aria-label="Admin pages" className="admin-nav">
      <ul>
        {adminPages.map((page) => (
          <li key={page.href}>
            {page.href === current ? <span aria-current="page">{page.label}</span> : <Link href={page.href}>{page.label}</Link>}
          </li>
        ))}
      </ul>
    </nav>
  );
}
