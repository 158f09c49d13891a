"use client";

// Shown when a page fails unexpectedly; the details stay in the server log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page-error">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Please try again in a moment.</p>
      <button type="button" onClick={() => reset()}>
        Try again
      </button>
    </div>
  );
}
