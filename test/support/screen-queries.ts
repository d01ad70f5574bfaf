// Queries an analyst's screens send, at their largest, and multiplying "bombs": the cost limit
// must let every screen through and refuse every bomb.

/** A page of 100 seizures with their items (a full page each) and each item's matches. */
export const SEIZURE_PAGE = `query SeizurePage($after: String) {
  seizures(first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id reference jurisdiction seizedAt handling notes version
      agency { code name jurisdiction }
      location { description latitude longitude }
      sharedWith { code }
      route { country mode place }
      items(first: 100) {
        totalCount
        nodes {
          id kind make model serialNumber hin batchNumber identifier markDamaged quantity condition description
          matches {
            basis score status reasons decidedBy
            item { id kind identifier seizure { id reference jurisdiction agency { code } } }
            restricted { agency { code name } jurisdiction handling }
          }
        }
      }
    } }
  }
}`;

/** Upstream supply chain of a seizure at the deepest depth, with nodes, edges, origins and hits. */
export const SUPPLY_CHAIN_SCREEN = `query SupplyChainScreen($seizureId: ID) {
  supplyChain(seizureId: $seizureId, maxDepth: 20) {
    truncated
    nodes { depth supplier { id name aliases role country handling recordedBy { code } identifiers { scheme value } } }
    edges { depth movement { id occurredAt fromCountry toCountry mode documentRef handling
      from { id name country } to { id name country } items { id kind identifier seizure { id reference } } } }
    origins { id name country role }
    restricted { agency { code name } jurisdiction handling }
  }
}`;

/** Downstream reach of a supplier at the deepest depth, with the seizures and their items. */
export const SUPPLIER_REACH_SCREEN = `query SupplierReachScreen($supplierId: ID!) {
  supplierReach(supplierId: $supplierId, maxDepth: 20) {
    truncated jurisdictions
    suppliers { depth supplier { id name country role recordedBy { code } } }
    seizures { id reference jurisdiction seizedAt agency { code } items { nodes { id kind identifier quantity } } }
    restricted { agency { code } jurisdiction handling }
  }
}`;

/** Nested connections of 100 inside 100 inside 100: a million seizures' worth of rows. */
export const CONNECTION_BOMB = `{
  seizures(first: 100) { nodes {
    items(first: 100) { nodes {
      seizure { items(first: 100) { nodes { id } } }
    } }
  } }
}`;

/** The same bomb with its page sizes in variables. */
export const CONNECTION_BOMB_WITH_VARIABLES = `query Bomb($a: Int, $b: Int, $c: Int) {
  seizures(first: $a) { nodes {
    items(first: $b) { nodes {
      seizure { items(first: $c) { nodes { id } } }
    } }
  } }
}`;

/** A walk at depth 20 whose every supplier lists 100 movements of 100 items: multiplies past any screen. */
export const WALK_BOMB = `query WalkBomb($seizureId: ID) {
  supplyChain(seizureId: $seizureId, maxDepth: 20) {
    nodes { supplier { movementsIn(first: 100) { nodes { items { seizure { items(first: 100) { nodes { id } } } } } } } }
  }
}`;
