"""The draft professional referral a family's answers prefill, and its FHIR R4 export."""
