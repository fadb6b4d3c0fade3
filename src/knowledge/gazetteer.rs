//! The embedded gazetteer. (Being implemented.)
