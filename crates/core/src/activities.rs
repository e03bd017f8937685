//! The kindergarten's organised activities (R25.3–R25.4): being written.
