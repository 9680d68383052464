// The tour file SetVisit plays, for the peer pages: the sample tour (scenes/lantern-keeper.json, served at /scenes/),
// or another the bench names with ?tour= (its 2K + 4K ladder: ?tour=ladder-4k).
export async function loadTour() {
  const name = new URLSearchParams(location.search).get('tour') ?? 'lantern-keeper';
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`tour: bad name "${name}"`);
  const response = await fetch(`/scenes/${name}.json`);
  if (!response.ok) throw new Error(`tour: HTTP ${response.status}`);
  return response.json();
}
