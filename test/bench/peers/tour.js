// The sample tour file SetVisit plays (scenes/lantern-keeper.json, served at /scenes/), for the peer pages.
export async function loadTour() {
  const response = await fetch('/scenes/lantern-keeper.json');
  if (!response.ok) throw new Error(`tour: HTTP ${response.status}`);
  return response.json();
}
