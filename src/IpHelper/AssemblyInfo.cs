using System.Runtime.CompilerServices;

// Rows are passed to native code as they are (Windows x64 layouts); BOOLEAN fields are C# bools of one byte.
[assembly: DisableRuntimeMarshalling]
