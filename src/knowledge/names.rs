//! Person-name folding. (Being implemented.)
