import { Listing, type ListingProps } from "../components/Listing.tsx";

/** A section front: /<section>/ and /<section>/page/N/. An empty section says so. */
export default function Section(data: ListingProps) {
  const { listing } = data;
  return (
    <Listing ctx={data} section={listing.key} intro={<p class="page-intro">{listing.description}</p>} empty={`There are no stories in ${listing.title} yet.`} showSection={false} />
  );
}
