"""Chapter 05, guarantors with a veto: Moscow's P5 proposal and other designs as voting games."""
