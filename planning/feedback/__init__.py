"""Customer feedback: one shared store of what customers tell the people who sell, read
offline (planning.feedback.enrich), linked to the company's customers and products
(planning.feedback.links), searched and summed up (planning.feedback.search), and sent as
weekly digests (planning.feedback.digest); reps' expectations beside the forecast are
forecast notes (planning.feedback.notes)."""
